package dev.lamina.compiler.fuzz;

import java.util.List;

/**
 * How far mutations go. {@link #BUILD} stays clear of the crashes known today (issue 17: a
 * StackOverflowError at ~600 nested brackets, int overflow in the shape rules of huge sizes), so
 * that {@code mvn verify} is green: at most 4 edits of at most 48 levels of nesting each (so fewer
 * than 200 levels in all) and no integer of 2^20 or more. {@link #FULL}, for {@code fuzz/run},
 * has no such limits and reports what breaks.
 *
 * @param maxEdits edits applied to one seed
 * @param maxNestingPerEdit levels of brackets one {@link Mutation.Kind#NEST} adds at most
 * @param boundaryNumbers the values {@link Mutation.Kind#BOUNDARY_NUMBER} writes
 * @param clampIntegers whether every run of digits is cut to fewer than 2^20 after editing
 */
record FuzzProfile(int maxEdits, int maxNestingPerEdit, List<String> boundaryNumbers, boolean clampIntegers) {
    /** The largest integer the build profile leaves in a spec: 2^20 - 1. */
    static final int BUILD_MAX_INTEGER = (1 << 20) - 1;

    static final FuzzProfile BUILD = new FuzzProfile(
            4,
            48,
            List.of(
                    "0",
                    "-0",
                    "1",
                    "-1",
                    "2",
                    "3",
                    "-2",
                    "7",
                    "8",
                    "9",
                    "15",
                    "16",
                    "17",
                    "31",
                    "32",
                    "33",
                    "63",
                    "64",
                    "65",
                    "127",
                    "128",
                    "255",
                    "256",
                    "511",
                    "512",
                    "1000",
                    "1023",
                    "1024",
                    "4095",
                    "65535",
                    "65536",
                    "999999",
                    "1048575",
                    "0.0",
                    "-0.0",
                    "0.5",
                    "1.0",
                    "-1.0",
                    "0.999999",
                    "1e-7",
                    "1e-45",
                    "1e-300",
                    "1e38",
                    "3.5e38",
                    "1e300",
                    "1E+3",
                    ".5",
                    "5.",
                    "-.5",
                    "1e0"),
            true);

    static final FuzzProfile FULL = new FuzzProfile(
            6,
            1200,
            List.of(
                    "0",
                    "-1",
                    "1",
                    "2",
                    "7",
                    "255",
                    "65535",
                    "65536",
                    "1048575",
                    "1048576",
                    "2147483646",
                    "2147483647",
                    "2147483648",
                    "-2147483648",
                    "-2147483649",
                    "4294967295",
                    "4294967296",
                    "9223372036854775807",
                    "9223372036854775808",
                    "-9223372036854775808",
                    "99999999999999999999999999",
                    "46341",
                    "46340",
                    "65537",
                    "1e-45",
                    "1e-46",
                    "3.4028235e38",
                    "3.5e38",
                    "1e308",
                    "1e309",
                    "-1e309",
                    "4.9e-324",
                    "0.5",
                    "1.0",
                    "0.9999999999"),
            false);
}
