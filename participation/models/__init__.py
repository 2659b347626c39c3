"""What citizens send: feedback on a page, questions, and e-mail alert subscriptions."""

from participation.models.alerts import Delivery, Frequency, Subscription
from participation.models.feedback import Feedback
from participation.models.questions import Question, QuestionStatus

__all__ = ["Delivery", "Feedback", "Frequency", "Question", "QuestionStatus", "Subscription"]
