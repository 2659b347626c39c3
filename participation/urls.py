"""Public URLs of citizen participation; included by cms/urls.py before Wagtail's page catch-all."""

from django.urls import path

from participation.views import alerts, csrf, feedback, questions

urlpatterns = [
    path("csrf-token/", csrf.csrf_token, name="participation_csrf_token"),
    path("gop-y/<int:page_id>/", feedback.FeedbackView.as_view(), name="participation_feedback"),
    path("gop-y/<int:page_id>/cam-on/", feedback.feedback_thanks, name="participation_feedback_thanks"),
    path("gui-cau-hoi/", questions.AskView.as_view(), name="participation_ask"),
    path("gui-cau-hoi/da-gui/", questions.ask_sent, name="participation_ask_sent"),
    path("dang-ky-nhan-tin/", alerts.SubscribeView.as_view(), name="participation_subscribe"),
    path("dang-ky-nhan-tin/da-gui/", alerts.subscribe_sent, name="participation_subscribe_sent"),
    path("dang-ky-nhan-tin/xac-nhan/<str:token>/", alerts.subscribe_confirm, name="participation_subscribe_confirm"),
    path("dang-ky-nhan-tin/huy/<str:token>/", alerts.unsubscribe, name="participation_unsubscribe"),
]
