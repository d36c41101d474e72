"""Output: terminal rendering (the only place that imports rich) and the file formats."""
