from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "twinning.api"
    label = "api"
    verbose_name = "API"
