"""Files made from what a page shows: chart images, table data, decks and reports."""
