from quickscan_app.ui.screens.content import render

render()
