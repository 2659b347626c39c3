"""/api/v2/indices/: every index with the province's results by year (read-only, public).

`?slug=pci` picks one index; each result carries `is_example`, so a reuser can tell the demo's
illustrative figures from published ones.
"""

from django.db.models import Prefetch
from wagtail.api.v2.filters import FieldsFilter
from wagtail.api.v2.views import BaseAPIViewSet

from indices.models import IndexResult, ReformIndex


class IndicesAPIViewSet(BaseAPIViewSet):
    name = "indices"
    model = ReformIndex
    filter_backends = [FieldsFilter]
    body_fields = BaseAPIViewSet.body_fields + [field.name for field in ReformIndex.api_fields]
    listing_default_fields = BaseAPIViewSet.listing_default_fields + [field.name for field in ReformIndex.api_fields]

    def get_queryset(self):
        results = IndexResult.objects.prefetch_related("sub_indices")
        return ReformIndex.objects.prefetch_related(Prefetch("results", queryset=results)).order_by("sort_order", "id")
