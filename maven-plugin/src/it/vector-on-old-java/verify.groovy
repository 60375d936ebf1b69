def log = new File(basedir, 'build.log').text
assert log.contains('lamina: backend vector needs Maven to run on Java 25 or later') : 'no Java version error in the log'
assert log.contains('run Maven with JAVA_HOME set to a JDK 25+ (e.g. JAVA_HOME=/path/to/jdk-25 mvn ...)') : 'the error does not say how to fix it'
assert !new File(basedir, 'target/generated-sources/lamina').exists() : 'sources were generated'
return true
