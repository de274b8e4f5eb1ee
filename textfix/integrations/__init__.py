"""Adapters to external engines (Ray Data, datatrove), each imported only when used."""
