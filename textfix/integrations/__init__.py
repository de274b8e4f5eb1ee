"""Adapters to external engines (Ray, datatrove), each imported only when used."""
