from quickscan_app.ui.screens.inbox import render

render()
