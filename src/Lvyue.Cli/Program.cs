using Lvyue.Cli;

return await CliApp.Build().Parse(args).InvokeAsync();
