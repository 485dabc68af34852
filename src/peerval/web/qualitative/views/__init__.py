"""The qualitative screens: projects, documents, the coding viewer, the codebook and
agreement. Views read the request, call a service or selector, and render."""
