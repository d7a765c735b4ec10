package cn.studyflow.org;

/**
 * A cadre's rank as far as study credits go (seed 003): 处级及以上 and 科级 have yearly credit targets; everyone else
 * ({@code OTHER}) has the target the credit rules give them, none by default. Labels: {@code org.rank.*}.
 */
public enum CadreRank {
    /** 处级及以上 */
    SENIOR,
    /** 科级 */
    SECTION,
    /** 其他 */
    OTHER
}
