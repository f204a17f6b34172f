"""What a page's save indicator shows: every change is saved as it happens."""

SAVED, SAVING, FAILED = "saved", "saving", "error"
