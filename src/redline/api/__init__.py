"""The REST API: FastAPI routers over the store and the analyses (``redline serve``)."""

from redline.api.app import API_PREFIX, app_from_settings, create_app

__all__ = ["API_PREFIX", "app_from_settings", "create_app"]
