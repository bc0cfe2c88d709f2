namespace Mentoring.Matching.Api.Audit;

/// <summary>The actions the audit trail records, one word each.</summary>
internal static class AuditActions
{
    public const string SchemeCreated = "scheme-created";

    public const string CohortCreated = "cohort-created";

    public const string CohortDetailsChanged = "cohort-details-changed";

    public const string PolicyChanged = "policy-changed";

    public const string PeopleUploaded = "people-uploaded";

    public const string PersonWithdrawn = "person-withdrawn";

    public const string Run = "run";

    public const string Published = "published";

    public const string CredentialReissued = "credential-reissued";

    public const string PairEnded = "pair-ended";

    public const string PairLocked = "pair-locked";

    public const string PairUnlocked = "pair-unlocked";

    public const string Erased = "erased";

    public const string StaffKeyIssued = "staff-key-issued";

    public const string StaffKeyRevoked = "staff-key-revoked";

    public const string SignInFailureBurst = "sign-in-failure-burst";
}
