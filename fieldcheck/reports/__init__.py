"""What a score looks like outside the window: the text table now, sheets and workbooks later."""
