"""Signal receivers, connected in ParticipationConfig.ready()."""

from django.db import transaction

from participation.answering import answer_questions_of_published_faq as answer


def answer_questions_of_published_faq(sender, instance, **kwargs) -> None:
    """page_published: once the publication is committed, tell the askers of this FAQ page."""
    transaction.on_commit(lambda: answer(instance))
