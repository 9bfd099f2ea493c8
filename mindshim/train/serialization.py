"""serialization"""
__all__ = []
