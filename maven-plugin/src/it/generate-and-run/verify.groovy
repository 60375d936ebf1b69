def log = new File(basedir, 'build.log').text
assert new File(basedir, 'target/generated-sources/lamina/com/example/Toy.java').isFile() : 'no generated Toy.java'
assert new File(basedir, 'target/classes/com/example/Toy.class').isFile() : 'Toy was not compiled'
assert log.contains('kernel after 200 steps: [1.0') : 'the app did not print its converged kernel'
return true
