"""Machine-readable outputs of each language: Atom feed, iCalendar, JSON export, and the
metadata in each page's <head> (feed links, OpenGraph, schema.org JSON-LD)."""
