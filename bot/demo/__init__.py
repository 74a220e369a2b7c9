"""The offline demo: sample feeds served from 127.0.0.1 by ``bayan demo`` itself."""
