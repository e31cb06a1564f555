"""The API's routers, one module per kind of record."""
