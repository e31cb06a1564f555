"""REST API over a store (FastAPI): `create_app(store_or_url)`."""

from claimgraph.api.app import create_app

__all__ = ["create_app"]
