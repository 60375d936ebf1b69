def log = new File(basedir, 'build.log').text
assert log.contains('Lamina: generated 1 source file(s) from 1 spec(s), 0 up to date, 0 removed')
assert log.contains('Lamina: 1 spec(s) up to date, nothing to generate')
return true
