"""What revint keeps in its home: sessions and drafts."""
