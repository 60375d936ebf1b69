def log = new File(basedir, 'build.log').text
assert new File(basedir, 'target/generated-sources/lamina/com/example/Toy.java').isFile() : 'no generated Toy.java'
assert new File(basedir, 'target/classes/com/example/Toy.class').isFile() : 'Toy was not compiled'
assert log.contains('kernel after 200 steps: [1.0') : 'the app did not print its converged kernel'
assert new File(basedir, 'target/generated-test-sources/lamina/com/example/Probe.java').isFile() : 'no generated test source'
assert new File(basedir, 'target/test-classes/com/example/Probe.class').isFile() : 'Probe was not compiled with the tests'
assert !new File(basedir, 'target/classes/com/example/Probe.class').exists() : 'a test model leaked into the main classes'
return true
