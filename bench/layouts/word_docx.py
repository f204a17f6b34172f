FAMILIES: list = []
