s = 'a\xa0b\u2003c\u200bd\u2028e\ufeff\U000f0000é中😀\x85\x7f'
print(repr(s))
print(ascii("é中"), repr("plain 'q'"), repr('both \' and "'))
print([s[:4]])
