using Microsoft.AspNetCore.Identity;

namespace SageStudy.Web.Data;

/// <summary>A signed-in learner; everything they answer hangs off this id.</summary>
public sealed class Learner : IdentityUser;
