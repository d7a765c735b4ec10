package cn.studyflow.session;

import org.junit.jupiter.api.BeforeEach;

/** The page and API tests' base: before each test, a new town and a session of it starting now, its two members on the roster. */
abstract class TwoMemberSessionTest extends SignInTest {

    protected SignInTown town;
    protected long session;

    @BeforeEach
    void twoMemberSession() {
        town = newTown(2);
        session = town.session(now(), town.member(0), town.member(1));
    }
}
