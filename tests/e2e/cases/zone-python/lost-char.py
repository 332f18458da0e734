def f():
    """
    >>> print(2)
    2"""
