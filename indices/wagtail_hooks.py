"""The indices' admin menu (Chỉ số CCHC) and their example figures for the demo site."""

from wagtail import hooks
from wagtail.snippets.models import register_snippet

from indices.demo import load_example_results
from indices.viewsets import IndicesGroup

register_snippet(IndicesGroup)


@hooks.register("load_demo")
def load_demo_indices() -> list[str]:
    return load_example_results()
