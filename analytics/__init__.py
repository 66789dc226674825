"""The contact-reduction dashboard's logic layer: store, imports, analytics and charts.

Nothing in this package imports Streamlit; the pages call these functions.
"""
