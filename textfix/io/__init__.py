"""Reading documents from files and streams, and writing cleaned records."""
