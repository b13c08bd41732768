"""The SQL texts of the store's migrations, a few versions per module; ``store.schema`` numbers and runs them."""
