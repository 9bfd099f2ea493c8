"""model"""
__all__ = []
