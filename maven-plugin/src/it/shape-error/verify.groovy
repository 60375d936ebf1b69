def log = new File(basedir, 'build.log').text
assert log.contains('broken.lamina:4:3: error:') : 'no file:line:col error in the log'
assert log =~ /(?m)^\[ERROR\] \s*\^/ : 'no caret line in the log'
assert log.contains('1 error in 1 spec file(s); no sources were generated') : 'no one-line summary'
assert !new File(basedir, 'target/generated-sources/lamina/com/example').exists() : 'partial output left behind'
return true
