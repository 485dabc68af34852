"""The surveys app's writes and computations; views call these and nothing deeper."""
