package com.frontline.sso.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Logins until the server's JIT compilers have settled, so that the timed logins measure the steady state a running
 * server is in, not a JVM still compiling. On the 2-core benchmark machine the JIT compilers still used 0.34-0.42 ms
 * of CPU per login (a fifth of the server's CPU) after 20,000 warm-up logins, and 2% after 80,000: rounds of
 * logins are posted until one in which the compilers used at most {@code settledJitShare} of the server's CPU, or
 * until {@code maxLogins}. Every round is reported, the first one as the cold server's rate.
 */
final class LoginWarmUp {

    record Result(List<LoginLoad.Result> rounds, double settledJitShare) {

        LoginLoad.Result first() {
            return rounds.get(0);
        }

        LoginLoad.Result last() {
            return rounds.get(rounds.size() - 1);
        }

        int logins() {
            return rounds.stream().mapToInt(LoginLoad.Result::logins).sum();
        }

        boolean settled() {
            return last().jitShareOfServerCpu() <= settledJitShare;
        }
    }

    private LoginWarmUp() {
    }

    static Result run(LoginLoad load, int roundLogins, int maxLogins, double settledJitShare, Consumer<LoginLoad.Result> onRound) {
        List<LoginLoad.Result> rounds = new ArrayList<>();
        int posted = 0;
        LoginLoad.Result round;
        do {
            round = load.run("warm-up round " + (rounds.size() + 1), Math.min(roundLogins, maxLogins - posted), 900);
            rounds.add(round);
            onRound.accept(round);
            posted += round.logins() + round.errors();
        } while (posted < maxLogins && round.jitShareOfServerCpu() > settledJitShare);
        return new Result(List.copyOf(rounds), settledJitShare);
    }
}
