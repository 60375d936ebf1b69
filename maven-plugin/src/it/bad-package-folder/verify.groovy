def log = new File(basedir, 'build.log').text
def reason = "src/main/lamina/com/my-app/net.lamina: error: its folder com/my-app is not a Java package:" +
        " 'my-app' is not a Java identifier; rename the folder (e.g. to com/my_app) or set the plugin's" +
        " packageName (lamina.packageName)"
assert log =~ /(?m)^\[ERROR\] \S*\Q${reason}\E$/ : 'the spec and the folder are not named in the log'
assert log =~ /(?m)^\[ERROR\] Failed to execute goal dev\.lamina:lamina-maven-plugin:\S+:generate \(default\) on project bad-package-folder: lamina: 1 error in 1 spec file\(s\); no sources were generated; the first: \S*\Q${reason}\E/ : 'the build failure does not name the spec and the reason'
assert !log.contains('Execution default of goal') : 'the failure escaped the mojo as a plugin execution error'
assert !new File(basedir, 'target/generated-sources/lamina').exists() : 'sources were generated'
return true
