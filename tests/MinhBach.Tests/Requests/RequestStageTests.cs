using MinhBach.Features.Petitions;
using MinhBach.Features.Questions;
using MinhBach.Features.Requests;

namespace MinhBach.Tests.Requests;

/// <summary>The shared steps read and move each kind's status as a <see cref="RequestStage"/>, by number: a status renamed
/// or renumbered in one kind would move a question or petition to the wrong stage.</summary>
public sealed class RequestStageTests
{
    public static TheoryData<Type> Kinds => new() { typeof(QuestionStatus), typeof(PetitionStatus) };

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Each_kind_has_the_shared_stages_under_the_same_names_and_numbers(Type status)
    {
        var stages = Enum.GetValues<RequestStage>().ToDictionary(s => s.ToString(), s => (int)s);
        var own = Enum.GetValues(status).Cast<object>().ToDictionary(s => s.ToString()!, s => (int)s);
        Assert.Equal(stages.OrderBy(kv => kv.Value), own.OrderBy(kv => kv.Value));
    }
}
