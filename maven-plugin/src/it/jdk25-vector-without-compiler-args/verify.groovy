def log = new File(basedir, 'build.log').text
assert log.contains("lamina: backend vector generates classes that javac compiles only with --add-modules jdk.incubator.vector, and this project's maven-compiler-plugin does not pass it") : 'no compilerArgs error in the log'
assert log.contains('<compilerArgs>') && log.contains('<arg>--add-modules</arg>') && log.contains('<arg>jdk.incubator.vector</arg>') : 'the error does not show the snippet to add'
assert !new File(basedir, 'target/generated-sources/lamina').exists() : 'sources were generated'
return true
