def log = new File(basedir, 'build.log').text
def toy = new File(basedir, 'target/generated-sources/lamina/com/example/Toy.java')
assert toy.isFile() : 'no generated Toy.java'
assert toy.text.contains('Vector backend: needs Java 25 or later') : 'Toy.java is not a vector backend class'
assert new File(basedir, 'target/classes/com/example/Toy.class').isFile() : 'Toy was not compiled'
assert log =~ /Java (2[5-9]|[3-9]\d), kernel after 200 steps: \[1\.0/ : 'the app did not print its converged kernel on Java 25+'
return true
