from django.urls import path

from indices import views

app_name = "indices"

urlpatterns = [
    path("", views.overview, name="overview"),
    path("<slug:slug>/", views.detail, name="detail"),
    path("<slug:slug>/bieu-do.svg", views.chart, name="chart"),
]
