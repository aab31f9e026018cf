"""One class per generated page kind; each turns the story into page Markdown."""
