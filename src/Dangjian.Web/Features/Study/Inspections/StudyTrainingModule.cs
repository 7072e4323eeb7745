using Dangjian.Web.Features.Study.Lectures;
using Dangjian.Web.Features.Study.Menu;
using Dangjian.Web.Features.Study.Ranking;

namespace Dangjian.Web.Features.Study.Inspections;

/// <summary>The study and training use cases of the superior and the committee: inspections, the course menu, theory lectures and the ranking.</summary>
public static class StudyTrainingModule
{
    public static IServiceCollection AddStudyTraining(this IServiceCollection services) =>
        services.AddStudyInspections().AddCourseMenus().AddTheoryLectures().AddStudyRankings();

    public static void MapStudyTrainingEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapStudyInspectionEndpoints();
        app.MapCourseMenuEndpoints();
        app.MapTheoryLectureEndpoints();
        app.MapStudyRankingEndpoints();
    }
}
