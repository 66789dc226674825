"""The Streamlit side: cached data access, the shared sidebar, formatting helpers.

Pages import from here and from ``analytics``; all Streamlit caching lives in
``ui/cache.py``."""
