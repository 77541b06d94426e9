"""The real-time monitoring feed: Server-Sent Events over the downstream topics, and the live page."""
