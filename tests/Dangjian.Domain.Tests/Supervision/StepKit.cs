using static Dangjian.Domain.Tests.Study.StudyTestKit;

namespace Dangjian.Domain.Tests.Supervision;

/// <summary>
/// The state-machine tests the module's entities share: each step is named by the status it leaves, and at every status
/// every step is tried — the next one is taken, every other is refused with the entity's out-of-order code.
/// </summary>
internal static class StepKit
{
    public static TheoryData<TStatus, TStatus> EveryStatusAndStep<TStatus>(IEnumerable<TStatus> steps)
        where TStatus : struct, Enum
    {
        var data = new TheoryData<TStatus, TStatus>();
        foreach (var at in Enum.GetValues<TStatus>())
        {
            foreach (var step in steps)
            {
                data.Add(at, step);
            }
        }

        return data;
    }

    /// <summary><paramref name="entity"/> walked through the real steps, in order, until it stands at <paramref name="status"/>.</summary>
    public static T Walk<T, TStatus>(T entity, IReadOnlyDictionary<TStatus, Action<T>> steps, Func<T, TStatus> statusOf, TStatus status)
        where TStatus : struct, Enum
    {
        foreach (var s in Enum.GetValues<TStatus>().TakeWhile(s => !s.Equals(status)))
        {
            steps[s](entity);
        }

        Assert.Equal(status, statusOf(entity));
        return entity;
    }

    /// <summary>Tries the step leaving <paramref name="stepFrom"/> on an entity at <paramref name="at"/>: taken to the next status only when they are the same, else refused and the status kept.</summary>
    public static void OnlyTheNextStepIsTaken<T, TStatus>(
        T entity, IReadOnlyDictionary<TStatus, Action<T>> steps, Func<T, TStatus> statusOf, TStatus at, TStatus stepFrom, string outOfOrderCode)
        where TStatus : struct, Enum
    {
        var order = Enum.GetValues<TStatus>();
        if (at.Equals(stepFrom))
        {
            steps[stepFrom](entity);
            Assert.Equal(order[Array.IndexOf(order, at) + 1], statusOf(entity));
        }
        else
        {
            Assert.Equal((outOfOrderCode, "status"), Pair(Refused(() => steps[stepFrom](entity))));
            Assert.Equal(at, statusOf(entity));
        }
    }
}
