"""The Streamlit web interface. Pages are thin: they call services and render results."""
