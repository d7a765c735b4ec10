package cn.studyflow.credits;

import java.util.List;

/**
 * What a feature tells credits about what happened: attendance and leading at held sessions ({@code session}),
 * approved materials ({@code material}), make-up study ({@code makeup}). Each reads its own tables; credits reads
 * none of them, and the features never read credits' tables. A Party lecture given is a rule already; its source
 * comes with issue 21 as one more implementation.
 */
public interface CreditSource {

    /** The facts about the people the query names, between its days (inclusive). */
    List<CreditFact> facts(CreditQuery query);
}
