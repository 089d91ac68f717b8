using MinhBach.Features.Requests;

namespace MinhBach.Features.Petitions;

/// <summary>No rule in the catalogue sets a deadline for petitions on a portal, so the Q&amp;A one (15 working days) is
/// the default; a province may set its own.</summary>
public sealed class PetitionOptions : RequestOptions
{
    public const string Section = "Petitions";
    protected override string SectionName => Section;
}
